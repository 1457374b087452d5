package cn.minzheng.portal.gateway;

/** A list page's position as the pager shows it, from the service's {@code page} block. */
public record Paging(int number, int size, long total) {

    public static final int SIZE = 20;

    public static Paging of(ApiAnswer answer, int number) {
        return new Paging(number, SIZE, answer.total());
    }

    /**
     * One page of a service's list with the person's filters (an empty filter is sent as none): the answer, the
     * pager and each filter as typed are put on the page.
     */
    public static ApiAnswer list(Gateway gateway, Caller caller, String api, java.util.Map<String, String> filters,
            int number, org.springframework.ui.Model model) {
        java.util.Map<String, Object> query = new java.util.LinkedHashMap<>();
        filters.forEach((name, value) -> query.put(name, value == null ? "" : value));
        query.put("page", number);
        query.put("size", SIZE);
        ApiAnswer answer = gateway.get(caller, gateway.uri(api, query));
        model.addAttribute("answer", answer);
        model.addAttribute("paging", of(answer, number));
        filters.forEach(model::addAttribute);
        return answer;
    }

    public boolean hasPrevious() {
        return number > 0;
    }

    public boolean hasNext() {
        return (long) (number + 1) * size < total;
    }
}
