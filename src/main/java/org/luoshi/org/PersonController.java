package org.luoshi.org;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Map;
import org.luoshi.web.FormSubmission;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The people pages: people of a unit, a person with the posts they held, and changes to them. */
@Controller
@RequestMapping("/org/people")
class PersonController {

    static final int PAGE_SIZE = 50;

    private final PersonService people;
    private final PostService posts;
    private final OrgUnitService units;
    private final FormSubmission forms;

    PersonController(PersonService people, PostService posts, OrgUnitService units, FormSubmission forms) {
        this.people = people;
        this.posts = posts;
        this.units = units;
        this.forms = forms;
    }

    @GetMapping
    String list(DataScope scope, @RequestParam(required = false) Long unitId, @RequestParam(defaultValue = "0") int page,
            @RequestParam(required = false) String q, Model model) {
        OrgUnit unit = units.get(scope, unitId == null ? scope.unitId() : unitId);
        model.addAttribute("unit", unit);
        model.addAttribute("unitOptions", UnitOption.of(units.tree(scope)));
        String text = q == null ? "" : q.strip();
        model.addAttribute("q", text);
        // the header search's 更多: everyone under the unit whose name contains the text, one page of them
        org.springframework.data.domain.Page<Person> found = text.isEmpty()
                ? people.peopleOf(scope, unit.getId(), PageRequest.of(Math.max(page, 0), PAGE_SIZE))
                // the unit was checked against the user's scope above: its subtree is within it
                : new org.springframework.data.domain.PageImpl<>(people.search(DataScope.readOnly("people-search", unit), text,
                        PAGE_SIZE));
        model.addAttribute("people", found);
        // who is who: the posts each person holds today
        model.addAttribute("titles", posts.currentTitles(found.getContent().stream().map(Person::getId).toList()));
        return "org/people";
    }

    @GetMapping("/{id}")
    String show(DataScope scope, @PathVariable long id, Model model) {
        Person person = people.get(scope, id);
        List<PostHolding> held = people.postsHeld(scope, id);
        Map<Long, Post> heldPosts = posts.byIds(held.stream().map(PostHolding::getPostId).distinct().toList());
        model.addAttribute("person", person);
        model.addAttribute("unit", units.get(scope, person.getOrgUnitId()));
        model.addAttribute("held", held);
        model.addAttribute("heldPosts", heldPosts);
        model.addAttribute("postUnits", heldPosts.values().stream().map(Post::getOrgUnitId).distinct()
                .collect(java.util.stream.Collectors.toMap(uid -> uid, uid -> units.getUnchecked(uid).getName())));
        return "org/person";
    }

    @GetMapping("/new")
    @EditsOrg
    String createForm(DataScope scope, @RequestParam(required = false) Long unitId, Model model) {
        PersonForm form = new PersonForm();
        form.setUnitId(units.get(scope, unitId == null ? scope.unitId() : unitId).getId());
        model.addAttribute("form", form);
        return formView(scope, null, model);
    }

    @PostMapping
    @EditsOrg
    String create(DataScope scope, @Valid @ModelAttribute("form") PersonForm form, BindingResult binding, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        return forms.submit(binding, model, response, redirect, () -> formView(scope, null, model), () -> {
            Person person = people.create(scope, form.toCommand());
            return forms.done("/org/people/" + person.getId(), "org.person.created", person.getName());
        });
    }

    @GetMapping("/{id}/edit")
    @EditsOrg
    String editForm(DataScope scope, @PathVariable long id, Model model) {
        Person person = people.get(scope, id);
        model.addAttribute("form", PersonForm.of(person));
        return formView(scope, person, model);
    }

    @PostMapping("/{id}")
    @EditsOrg
    String update(DataScope scope, @PathVariable long id, @Valid @ModelAttribute("form") PersonForm form,
            BindingResult binding, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        Person person = people.get(scope, id);
        return forms.submit(binding, model, response, redirect, () -> formView(scope, person, model), () -> {
            people.update(scope, id, form.toCommand(), form.getVersion());
            return forms.done("/org/people/" + id, "common.saved");
        });
    }

    @PostMapping("/{id}/deactivate")
    @EditsOrg
    String deactivate(DataScope scope, @PathVariable long id, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        return setActive(scope, id, false, model, response, redirect);
    }

    @PostMapping("/{id}/activate")
    @EditsOrg
    String activate(DataScope scope, @PathVariable long id, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        return setActive(scope, id, true, model, response, redirect);
    }

    private String setActive(DataScope scope, long id, boolean active, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        return forms.submit(false, model, response, redirect, () -> show(scope, id, model), () -> {
            Person person = people.setActive(scope, id, active);
            return forms.done("/org/people/" + id, active ? "org.person.activated" : "org.person.deactivated", person.getName());
        });
    }

    private String formView(DataScope scope, Person person, Model model) {
        model.addAttribute("person", person);
        model.addAttribute("unitOptions", UnitOption.of(units.tree(scope)));
        model.addAttribute("genders", Gender.values());
        return "org/person-form";
    }
}
