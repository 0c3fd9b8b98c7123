package org.luoshi.org;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.luoshi.time.Times;
import org.luoshi.web.FormSubmission;
import org.luoshi.web.XlsxTable;
import org.springframework.context.MessageSource;
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

/** The post pages: posts of a unit with their holders, a post with its holder history, appointments and vacancies. */
@Controller
@RequestMapping("/org/posts")
class PostController {

    private final PostService posts;
    private final PersonService people;
    private final OrgUnitService units;
    private final FormSubmission forms;
    private final MessageSource messages;
    private final Times times;

    PostController(PostService posts, PersonService people, OrgUnitService units, FormSubmission forms,
            MessageSource messages, Times times) {
        this.times = times;
        this.posts = posts;
        this.people = people;
        this.units = units;
        this.forms = forms;
        this.messages = messages;
    }

    @GetMapping
    String list(DataScope scope, @RequestParam(required = false) Long unitId, Model model) {
        OrgUnit unit = units.get(scope, unitId == null ? scope.unitId() : unitId);
        List<Post> unitPosts = posts.postsOf(scope, unit.getId());
        model.addAttribute("unit", unit);
        model.addAttribute("unitOptions", UnitOption.of(units.tree(scope)));
        model.addAttribute("posts", unitPosts);
        model.addAttribute("holders", posts.currentHolders(unitPosts.stream().map(Post::getId).toList()));
        return "org/posts";
    }

    /** The list above as .xlsx: the same unit, the same columns (with the unit in front, as the file stands alone). */
    @GetMapping("/export")
    void export(DataScope scope, @RequestParam(required = false) Long unitId, HttpServletResponse response) throws IOException {
        OrgUnit unit = units.get(scope, unitId == null ? scope.unitId() : unitId);
        List<Post> unitPosts = posts.postsOf(scope, unit.getId());
        Map<Long, Person> holders = posts.currentHolders(unitPosts.stream().map(Post::getId).toList());
        XlsxTable table = XlsxTable.start(response, messages, times.today(), "org.posts.file", "org.post.unit", "org.post.title",
                "org.post.kind", "org.post.holder", "org.unit.status");
        for (Post p : unitPosts) {
            Person holder = holders.get(p.getId());
            table.row(unit.getName(), p.getTitle(), table.text("org.postKind." + p.getKind()),
                    holder == null ? table.text("org.post.vacantLabel") : holder.getName(),
                    table.text(p.isActive() ? "common.active" : "common.inactive"));
        }
        table.finish();
    }

    @GetMapping("/{id}")
    String show(DataScope scope, @PathVariable long id, Model model) {
        Post post = posts.get(scope, id);
        List<PostHolding> history = posts.history(scope, id);
        model.addAttribute("post", post);
        model.addAttribute("unit", units.get(scope, post.getOrgUnitId()));
        model.addAttribute("history", history);
        model.addAttribute("holders", people.byIds(history.stream().map(PostHolding::getPersonId).distinct().toList()));
        model.addAttribute("current", history.stream().filter(PostHolding::isCurrent).findFirst().orElse(null));
        model.addAttribute("candidates", people.candidatesFor(scope, post.getOrgUnitId()));
        if (!model.containsAttribute("assign")) {
            AssignForm assign = new AssignForm();
            assign.setFrom(times.today());
            model.addAttribute("assign", assign);
        }
        if (!model.containsAttribute("vacate")) {
            VacateForm vacate = new VacateForm();
            vacate.setLastDay(times.today());
            model.addAttribute("vacate", vacate);
        }
        return "org/post";
    }

    @GetMapping("/new")
    @EditsOrg
    String createForm(DataScope scope, @RequestParam(required = false) Long unitId, Model model) {
        PostForm form = new PostForm();
        form.setUnitId(units.get(scope, unitId == null ? scope.unitId() : unitId).getId());
        model.addAttribute("form", form);
        return formView(scope, null, model);
    }

    @PostMapping
    @EditsOrg
    String create(DataScope scope, @Valid @ModelAttribute("form") PostForm form, BindingResult binding, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        return forms.submit(binding, model, response, redirect, () -> formView(scope, null, model), () -> {
            Post post = posts.create(scope, form.getUnitId(), form.getTitle(), form.getKind(), form.getSortOrder());
            return forms.done("/org/posts/" + post.getId(), "org.post.created", post.getTitle());
        });
    }

    @GetMapping("/{id}/edit")
    @EditsOrg
    String editForm(DataScope scope, @PathVariable long id, Model model) {
        Post post = posts.get(scope, id);
        model.addAttribute("form", PostForm.of(post));
        return formView(scope, post, model);
    }

    @PostMapping("/{id}")
    @EditsOrg
    String update(DataScope scope, @PathVariable long id, @Valid @ModelAttribute("form") PostForm form,
            BindingResult binding, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        Post post = posts.get(scope, id);
        // The unit of a post is not edited here.
        boolean invalid = binding.getFieldErrors().stream().anyMatch(f -> !f.getField().equals("unitId"));
        return forms.submit(invalid, model, response, redirect, () -> formView(scope, post, model), () -> {
            posts.update(scope, id, form.getTitle(), form.getKind(), form.getSortOrder(), form.getVersion());
            return forms.done("/org/posts/" + id, "common.saved");
        });
    }

    @PostMapping("/{id}/holder")
    @EditsOrg
    String assign(DataScope scope, @PathVariable long id, @Valid @ModelAttribute("assign") AssignForm assign,
            BindingResult binding, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        posts.get(scope, id);
        return change(binding.hasErrors(), scope, id, model, response, redirect, "org.post.assigned",
                () -> posts.assign(scope, id, assign.getPersonId(), assign.getFrom()));
    }

    @PostMapping("/{id}/vacate")
    @EditsOrg
    String vacate(DataScope scope, @PathVariable long id, @Valid @ModelAttribute("vacate") VacateForm vacate,
            BindingResult binding, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        posts.get(scope, id);
        return change(binding.hasErrors(), scope, id, model, response, redirect, "org.post.vacated",
                () -> posts.vacate(scope, id, vacate.getLastDay()));
    }

    @PostMapping("/{id}/deactivate")
    @EditsOrg
    String deactivate(DataScope scope, @PathVariable long id, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        return change(false, scope, id, model, response, redirect, "org.post.deactivated",
                () -> posts.setActive(scope, id, false));
    }

    @PostMapping("/{id}/activate")
    @EditsOrg
    String activate(DataScope scope, @PathVariable long id, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        return change(false, scope, id, model, response, redirect, "org.post.activated",
                () -> posts.setActive(scope, id, true));
    }

    /** Runs a change from the post page; invalid input or a refused change shows the post again (400, 409). */
    private String change(boolean invalid, DataScope scope, long id, Model model, HttpServletResponse response,
            RedirectAttributes redirect, String doneKey, Runnable change) {
        return forms.submit(invalid, model, response, redirect, () -> show(scope, id, model), () -> {
            change.run();
            return forms.done("/org/posts/" + id, doneKey);
        });
    }

    private String formView(DataScope scope, Post post, Model model) {
        model.addAttribute("post", post);
        model.addAttribute("unitOptions", UnitOption.of(units.tree(scope)));
        model.addAttribute("kinds", PostKind.values());
        return "org/post-form";
    }
}
