package org.luoshi.org;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.Arrays;
import java.util.List;
import org.luoshi.web.FormSubmission;
import org.luoshi.web.RuleViolationException;
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

/** The org tree pages: the tree in scope, a unit with its children, people and posts, and the changes to it. */
@Controller
@RequestMapping("/org/units")
class OrgUnitController {

    static final int TREE_PAGE_SIZE = 100;
    static final int PEOPLE_ON_UNIT_PAGE = 50;

    private final OrgUnitService units;
    private final PersonService people;
    private final PostService posts;
    private final FormSubmission forms;

    OrgUnitController(OrgUnitService units, PersonService people, PostService posts, FormSubmission forms) {
        this.units = units;
        this.people = people;
        this.posts = posts;
        this.forms = forms;
    }

    @GetMapping
    String tree(DataScope scope, @RequestParam(defaultValue = "0") int page, Model model) {
        List<OrgUnit> tree = units.tree(scope);
        int pages = Math.max(1, (tree.size() + TREE_PAGE_SIZE - 1) / TREE_PAGE_SIZE);
        int current = Math.min(Math.max(page, 0), pages - 1);
        model.addAttribute("units", tree.subList(current * TREE_PAGE_SIZE, Math.min(tree.size(), (current + 1) * TREE_PAGE_SIZE)));
        model.addAttribute("topDepth", tree.isEmpty() ? 0 : tree.get(0).getDepth());
        model.addAttribute("page", current);
        model.addAttribute("pages", pages);
        model.addAttribute("total", tree.size());
        return "org/units";
    }

    /**
     * The unit picker's suggestions (JSON for the pages' search-as-you-type unit fields): at most
     * {@value #PICKER_LIMIT} units in the caller's scope whose name contains the text, each with its
     * parent's name so that two villages of the same name can be told apart.
     */
    @GetMapping(value = "/search", produces = org.springframework.http.MediaType.APPLICATION_JSON_VALUE)
    @org.springframework.web.bind.annotation.ResponseBody
    List<UnitSuggestion> search(DataScope scope, @RequestParam(defaultValue = "") String q) {
        List<OrgUnit> found = units.search(scope, q, PICKER_LIMIT);
        java.util.Map<Long, String> parents = units.names(found.stream().map(OrgUnit::getParentId)
                .filter(java.util.Objects::nonNull).collect(java.util.stream.Collectors.toSet()));
        return found.stream().map(u -> new UnitSuggestion(u.getId(), u.getName(), u.getKind().name(),
                u.getId() == scope.unitId() || u.getParentId() == null ? null : parents.get(u.getParentId()))).toList();
    }

    static final int PICKER_LIMIT = 20;

    /** One suggestion of the unit picker; {@code parent} is null for the top of the caller's scope. */
    record UnitSuggestion(long id, String name, String kind, String parent) {
    }

    @GetMapping("/{id}")
    String show(DataScope scope, @PathVariable long id, Model model) {
        OrgUnit unit = units.get(scope, id);
        model.addAttribute("unit", unit);
        model.addAttribute("parent", unit.getParentId() != null && scope.unitId() != unit.getId()
                ? units.getUnchecked(unit.getParentId()) : null);
        model.addAttribute("children", units.children(scope, id));
        model.addAttribute("people", people.peopleOf(scope, id, PageRequest.of(0, PEOPLE_ON_UNIT_PAGE)));
        List<Post> unitPosts = posts.postsOf(scope, id);
        model.addAttribute("posts", unitPosts);
        model.addAttribute("holders", posts.currentHolders(unitPosts.stream().map(Post::getId).toList()));
        // the root of the whole tree may get a city or province above it (several counties in one deployment)
        model.addAttribute("tiersAbove", unit.getParentId() == null && unit.getId() == scope.unitId()
                && scope.may(Permission.SYSTEM_ADMIN)
                ? Arrays.stream(OrgUnitKind.values()).filter(k -> k.mayContain(unit.getKind())).toList() : List.of());
        model.addAttribute("newParents", UnitOption.of(units.tree(scope), u -> u.isActive()
                && u.getKind().mayContain(unit.getKind()) && !unit.contains(u) && !u.getId().equals(unit.getParentId())));
        return "org/unit";
    }

    @GetMapping("/new")
    @EditsOrg
    String createForm(DataScope scope, @RequestParam(required = false) Long parentId, Model model) {
        OrgUnitForm form = new OrgUnitForm();
        if (parentId != null) {
            OrgUnit parent = units.get(scope, parentId);
            form.setParentId(parent.getId());
            form.setKind(Arrays.stream(OrgUnitKind.values()).filter(parent.getKind()::mayContain).findFirst().orElse(null));
        }
        model.addAttribute("form", form);
        return createView(scope, model);
    }

    @PostMapping
    @EditsOrg
    String create(DataScope scope, @Valid @ModelAttribute("form") OrgUnitForm form, BindingResult binding, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        return forms.submit(binding, model, response, redirect, () -> createView(scope, model), () -> {
            OrgUnit unit = units.create(scope, form.toCommand());
            return forms.done("/org/units/" + unit.getId(), "org.unit.created", unit.getName());
        });
    }

    @GetMapping("/{id}/edit")
    @EditsOrg
    String editForm(DataScope scope, @PathVariable long id, Model model) {
        OrgUnit unit = units.get(scope, id);
        model.addAttribute("form", OrgUnitForm.of(unit));
        return editView(unit, model);
    }

    @PostMapping("/{id}")
    @EditsOrg
    String update(DataScope scope, @PathVariable long id, @Valid @ModelAttribute("form") OrgUnitForm form,
            BindingResult binding, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        OrgUnit unit = units.get(scope, id);
        // Parent and kind are not edited here; a root unit has no parent to validate.
        boolean invalid = binding.getFieldErrors().stream()
                .anyMatch(f -> !f.getField().equals("parentId") && !f.getField().equals("kind"));
        return forms.submit(invalid, model, response, redirect, () -> editView(unit, model), () -> {
            units.update(scope, id, form.toCommand(), form.getVersion());
            return forms.done("/org/units/" + id, "common.saved");
        });
    }

    @PostMapping("/{id}/move")
    @EditsOrg
    String move(DataScope scope, @PathVariable long id, @RequestParam(required = false) Long parentId, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        return act(scope, id, model, response, redirect, "org.unit.moved", () -> {
            if (parentId == null) {
                throw new RuleViolationException("org.unit.parent.required");
            }
            units.move(scope, id, parentId);
        });
    }

    /** Puts a city or province above the root unit {@code id}; see {@link OrgUnitService#addRootAbove}. */
    @PostMapping("/{id}/above")
    // the tree's shape above its root: the whole tree's administrator only (the service checks the scope too)
    @org.springframework.security.access.prepost.PreAuthorize("hasAuthority('system:admin')")
    String addAbove(DataScope scope, @PathVariable long id, @RequestParam(required = false) OrgUnitKind kind,
            @RequestParam(required = false) String name, @RequestParam(required = false) String code, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        units.get(scope, id);
        return forms.submit(false, model, response, redirect, () -> show(scope, id, model), () -> {
            OrgUnit top = units.addRootAbove(scope, kind, name, code);
            return forms.done("/org/units/" + id, "org.unit.rootAbove.done", top.getName());
        });
    }

    @PostMapping("/{id}/deactivate")
    @EditsOrg
    String deactivate(DataScope scope, @PathVariable long id, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        return act(scope, id, model, response, redirect, "org.unit.deactivated", () -> units.setActive(scope, id, false));
    }

    @PostMapping("/{id}/activate")
    @EditsOrg
    String activate(DataScope scope, @PathVariable long id, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        return act(scope, id, model, response, redirect, "org.unit.activated", () -> units.setActive(scope, id, true));
    }

    @PostMapping("/{id}/delete")
    @EditsOrg
    String delete(DataScope scope, @PathVariable long id, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        OrgUnit unit = units.get(scope, id);
        Long parentId = unit.getParentId();
        String name = unit.getName();
        return forms.submit(false, model, response, redirect, () -> show(scope, id, model), () -> {
            units.delete(scope, id);
            return forms.done(parentId != null && scope.covers(units.getUnchecked(parentId))
                    ? "/org/units/" + parentId : "/org/units", "org.unit.deletedNamed", name);
        });
    }

    /** Runs a change from the unit page; a refused change shows the unit again with the reason (409). */
    private String act(DataScope scope, long id, Model model, HttpServletResponse response, RedirectAttributes redirect,
            String doneKey, Runnable change) {
        units.get(scope, id);
        return forms.submit(false, model, response, redirect, () -> show(scope, id, model), () -> {
            change.run();
            return forms.done("/org/units/" + id, doneKey, units.get(scope, id).getName());
        });
    }

    private String createView(DataScope scope, Model model) {
        model.addAttribute("parents", UnitOption.of(units.tree(scope),
                u -> u.isActive() && Arrays.stream(OrgUnitKind.values()).anyMatch(u.getKind()::mayContain)));
        // a province is only ever the root, put above the tree by addRootAbove; counties go below a city or province
        model.addAttribute("kinds", Arrays.stream(OrgUnitKind.values()).filter(k -> k != OrgUnitKind.PROVINCE).toList());
        return "org/unit-form";
    }

    private String editView(OrgUnit unit, Model model) {
        model.addAttribute("unit", unit);
        return "org/unit-form";
    }
}
