package cn.minzheng.portal.home;

/**
 * One to-do card of the home page: a worklist the office answered for the person ({@code name}, labelled
 * {@code todo.<name>}), its count, and the portal's page of the list it counts.
 */
public record TodoCard(String name, long count, String link) {
}
