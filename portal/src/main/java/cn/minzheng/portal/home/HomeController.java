package cn.minzheng.portal.home;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import cn.minzheng.portal.PortalProperties;
import cn.minzheng.portal.gateway.ApiAnswer;
import cn.minzheng.portal.gateway.Caller;
import cn.minzheng.portal.gateway.Gateway;
import cn.minzheng.portal.layout.Person;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The home page (工作台): the person's to-do cards with their counts, one call per office (its worklists). The
 * offices are asked at once, each with its own timeout; an office that is down or slow greys out its cards and the
 * rest of the page still works. An office that refuses the person (a role it gives no worklists) shows none.
 */
@Controller
class HomeController {

    /** One office's cards; {@code available} false when it did not answer (the office is shown greyed). */
    record OfficeCards(TodoCards.Office office, boolean available, List<TodoCard> cards) {
    }

    private final TodoCards cards;
    private final Gateway gateway;
    private final PortalProperties properties;
    private final ExecutorService calls = Executors.newVirtualThreadPerTaskExecutor();

    HomeController(TodoCards cards, Gateway gateway, PortalProperties properties) {
        this.cards = cards;
        this.gateway = gateway;
        this.properties = properties;
    }

    @GetMapping("/")
    String home(@ModelAttribute("person") Person person, Caller caller, Model model) {
        List<CompletableFuture<OfficeCards>> asked = new ArrayList<>();
        for (TodoCards.Office office : cards.forPerson(person)) {
            asked.add(CompletableFuture.supplyAsync(() -> ask(office, caller), calls)
                    .completeOnTimeout(new OfficeCards(office, false, List.of()),
                            properties.callTimeout().toMillis() + 500, TimeUnit.MILLISECONDS));
        }
        model.addAttribute("offices", asked.stream().map(CompletableFuture::join)
                .filter(answer -> !answer.available() || !answer.cards().isEmpty()).toList());
        return "home";
    }

    private OfficeCards ask(TodoCards.Office office, Caller caller) {
        ApiAnswer answer = gateway.get(caller, gateway.uri(office.worklists(), Map.of()));
        if (answer.ok()) {
            return new OfficeCards(office, true, cards.cards(answer));
        }
        // Refused (403): the office has no worklists for this role, which is not an outage.
        return new OfficeCards(office, answer.status() == 403, List.of());
    }
}
