package cn.minzheng.portal.home;

import java.util.ArrayList;
import java.util.LinkedHashMap;
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
 * The home page (工作台): the person's to-do cards with their counts. The cards' services are asked at once, each
 * with its own timeout; a service that is down or slow greys out its card and the rest of the page still works.
 */
@Controller
class HomeController {

    /** A card's count, or none when its service did not answer ({@code available} false: the card is greyed). */
    record CardView(TodoCard card, boolean available, long count) {
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
        List<TodoCard> mine = cards.forPerson(person);
        List<CompletableFuture<CardView>> counts = new ArrayList<>();
        for (TodoCard card : mine) {
            counts.add(CompletableFuture.supplyAsync(() -> count(card, caller), calls)
                    .completeOnTimeout(new CardView(card, false, 0),
                            properties.callTimeout().toMillis() + 500, TimeUnit.MILLISECONDS));
        }
        model.addAttribute("cards", counts.stream().map(CompletableFuture::join).toList());
        return "home";
    }

    private CardView count(TodoCard card, Caller caller) {
        Map<String, String> query = new LinkedHashMap<>(card.query());
        query.put("size", "1");
        ApiAnswer answer = gateway.get(caller, gateway.uri(card.apiPath(), query));
        return answer.ok() ? new CardView(card, true, answer.total()) : new CardView(card, false, 0);
    }
}
