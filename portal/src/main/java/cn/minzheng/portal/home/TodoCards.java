package cn.minzheng.portal.home;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.minzheng.portal.layout.Person;
import org.springframework.stereotype.Component;

/** The to-do cards (待办) of each role, UI.md's home page. */
@Component
class TodoCards {

    private static final Set<String> OFFICER = Set.of("township-officer");
    private static final Set<String> APPROVER = Set.of("county-approver");
    private final Clock clock;

    TodoCards(Clock clock) {
        this.clock = clock;
    }

    List<TodoCard> forPerson(Person person) {
        String today = LocalDate.now(clock).toString();
        List<TodoCard> all = List.of(
                new TodoCard("todo.toReview", OFFICER, "/api/assistance/applications",
                        Map.of("status", "SUBMITTED"), "/assistance/applications?status=SUBMITTED"),
                new TodoCard("todo.onNotice", Set.of("township-officer", "county-approver"),
                        "/api/assistance/applications", Map.of("status", "PUBLIC_NOTICE"),
                        "/assistance/applications?status=PUBLIC_NOTICE"),
                new TodoCard("todo.reviewDue", Set.of("township-officer", "county-approver"),
                        "/api/assistance/enrolments", Map.of("status", "ACTIVE", "reviewDueBefore", today),
                        "/assistance/enrolments?status=ACTIVE&reviewDueBefore=" + today),
                new TodoCard("todo.terminations", APPROVER, "/api/assistance/enrolments",
                        Map.of("status", "TERMINATION_PROPOSED"),
                        "/assistance/enrolments?status=TERMINATION_PROPOSED"),
                new TodoCard("todo.bookingsToday", Set.of("registrar"), "/api/registry/appointments",
                        Map.of(), "/registry/bookings"),
                new TodoCard("todo.divorceWindow", Set.of("registrar"), "/api/registry/divorces",
                        Map.of("windowEndsWithinDays", "7"), "/registry/divorces"));
        return all.stream().filter(card -> card.roles().stream().anyMatch(person::has)).toList();
    }
}
