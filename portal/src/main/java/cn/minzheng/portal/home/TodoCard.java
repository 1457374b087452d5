package cn.minzheng.portal.home;

import java.util.Map;
import java.util.Set;

/**
 * One to-do card of the home page: whose card it is, the service's paged list whose total is the count, and the
 * portal's list the card opens, filtered the same way. The count is the service's ({@code page.totalElements}),
 * scoped to the person's division by the service; the portal counts nothing itself.
 */
public record TodoCard(String labelKey, Set<String> roles, String apiPath, Map<String, String> query, String link) {
}
