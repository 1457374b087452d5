package cn.minzheng.portal.home;

import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.minzheng.portal.gateway.ApiAnswer;
import cn.minzheng.portal.layout.Person;
import org.springframework.stereotype.Component;

/**
 * Where the home page's to-do cards come from (UI.md): each office answers the person's worklists and their
 * lengths ({@code GET /api/<office>/worklists}); which lists a role has is the office's rule, not the portal's. The
 * portal asks the offices whose menu the person sees, and turns each list an office names into the portal's page of
 * it: the same path without {@code /api} (or the page's own name where it differs), the same filters.
 */
@Component
class TodoCards {

    /** An office whose worklists the home page shows, asked when the person sees its menu. */
    record Office(String labelKey, String worklists, Set<String> menuRoles) {
    }

    private static final List<Office> OFFICES = List.of(
            new Office("menu.assistance", "/api/assistance/worklists",
                    Set.of("township-officer", "county-approver", "child-director")),
            new Office("menu.registry", "/api/registry/worklists", Set.of("registrar")),
            new Office("menu.eldercare", "/api/eldercare/worklists", Set.of("eldercare-officer")),
            new Office("menu.orgs", "/api/orgs/worklists", Set.of("orgs-officer", "inspector", "auditor")),
            new Office("menu.funeral", "/api/funeral/worklists", Set.of("funeral-officer")));

    /** API lists whose page in the portal has another name, or (an empty name) none yet: the card has no link. */
    private static final Map<String, String> PAGES = Map.of("/api/registry/appointments", "/registry/bookings",
            "/api/funeral/one-thing/cases", "/funeral/cases");

    List<Office> forPerson(Person person) {
        return OFFICES.stream().filter(office -> office.menuRoles().stream().anyMatch(person::has)).toList();
    }

    /** The cards of one office's answer, in its order. */
    List<TodoCard> cards(ApiAnswer worklists) {
        return worklists.items().stream().map(entry -> new TodoCard(String.valueOf(entry.get("name")),
                ((Number) entry.get("count")).longValue(), page(String.valueOf(entry.get("list"))))).toList();
    }

    static String page(String list) {
        int query = list.indexOf('?');
        String path = query < 0 ? list : list.substring(0, query);
        String page = PAGES.getOrDefault(path, path.startsWith("/api/") ? path.substring(4) : "/");
        if (page.isEmpty()) {
            return null;
        }
        return query < 0 ? page : page + list.substring(query);
    }
}
