package cn.minzheng.platform.web;

import java.util.List;
import java.util.function.Function;

/** The list shape of every endpoint (DESIGN.md §6): {@code {items, page: {number, size, totalElements}}}. */
public record PageResponse<T>(List<T> items, PageInfo page) {

    public record PageInfo(int number, int size, long totalElements) {
    }

    public static <S, T> PageResponse<T> of(List<S> items, PageParams params, long total, Function<S, T> mapper) {
        return new PageResponse<>(items.stream().map(mapper).toList(),
                new PageInfo(params.page(), params.size(), total));
    }
}
