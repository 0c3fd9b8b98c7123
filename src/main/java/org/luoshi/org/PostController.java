package org.luoshi.org;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.time.LocalDate;
import java.util.List;
import org.luoshi.web.RuleViolationException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
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
    private final MessageSource messages;

    PostController(PostService posts, PersonService people, OrgUnitService units, MessageSource messages) {
        this.posts = posts;
        this.people = people;
        this.units = units;
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
            assign.setFrom(LocalDate.now());
            model.addAttribute("assign", assign);
        }
        if (!model.containsAttribute("vacate")) {
            VacateForm vacate = new VacateForm();
            vacate.setLastDay(LocalDate.now());
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
        if (binding.hasErrors()) {
            response.setStatus(400);
            return formView(scope, null, model);
        }
        try {
            Post post = posts.create(scope, form.getUnitId(), form.getTitle(), form.getKind(), form.getSortOrder());
            redirect.addFlashAttribute("flash", text("org.post.created", post.getTitle()));
            return "redirect:/org/posts/" + post.getId();
        } catch (RuleViolationException e) {
            response.setStatus(409);
            model.addAttribute("error", text(e));
            return formView(scope, null, model);
        }
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
        if (binding.getFieldErrors().stream().anyMatch(f -> !f.getField().equals("unitId"))) {
            response.setStatus(400);
            return formView(scope, post, model);
        }
        posts.update(scope, id, form.getTitle(), form.getKind(), form.getSortOrder());
        redirect.addFlashAttribute("flash", text("common.saved"));
        return "redirect:/org/posts/" + id;
    }

    @PostMapping("/{id}/holder")
    @EditsOrg
    String assign(DataScope scope, @PathVariable long id, @Valid @ModelAttribute("assign") AssignForm assign,
            BindingResult binding, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        posts.get(scope, id);
        if (binding.hasErrors()) {
            response.setStatus(400);
            return show(scope, id, model);
        }
        return change(scope, id, model, response, redirect, () -> {
            posts.assign(scope, id, assign.getPersonId(), assign.getFrom());
            return text("org.post.assigned");
        });
    }

    @PostMapping("/{id}/vacate")
    @EditsOrg
    String vacate(DataScope scope, @PathVariable long id, @Valid @ModelAttribute("vacate") VacateForm vacate,
            BindingResult binding, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        posts.get(scope, id);
        if (binding.hasErrors()) {
            response.setStatus(400);
            return show(scope, id, model);
        }
        return change(scope, id, model, response, redirect, () -> {
            posts.vacate(scope, id, vacate.getLastDay());
            return text("org.post.vacated");
        });
    }

    @PostMapping("/{id}/deactivate")
    @EditsOrg
    String deactivate(DataScope scope, @PathVariable long id, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        return change(scope, id, model, response, redirect, () -> {
            posts.setActive(scope, id, false);
            return text("org.post.deactivated");
        });
    }

    @PostMapping("/{id}/activate")
    @EditsOrg
    String activate(DataScope scope, @PathVariable long id, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        return change(scope, id, model, response, redirect, () -> {
            posts.setActive(scope, id, true);
            return text("org.post.activated");
        });
    }

    /** Runs a change from the post page; a refused change shows the post again with the reason (409). */
    private String change(DataScope scope, long id, Model model, HttpServletResponse response,
            RedirectAttributes redirect, java.util.function.Supplier<String> change) {
        try {
            redirect.addFlashAttribute("flash", change.get());
            return "redirect:/org/posts/" + id;
        } catch (RuleViolationException e) {
            response.setStatus(409);
            model.addAttribute("error", text(e));
            return show(scope, id, model);
        }
    }

    private String formView(DataScope scope, Post post, Model model) {
        model.addAttribute("post", post);
        model.addAttribute("unitOptions", UnitOption.of(units.tree(scope)));
        model.addAttribute("kinds", PostKind.values());
        return "org/post-form";
    }

    private String text(RuleViolationException e) {
        return messages.getMessage(e.messageKey(), e.args(), LocaleContextHolder.getLocale());
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
