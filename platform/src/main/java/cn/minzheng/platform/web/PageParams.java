package cn.minzheng.platform.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * {@code ?page=&size=} of every list: page from 0, size 1 to 200 (20 when absent). Bound from query parameters
 * and validated like a request body, so {@code size=500} is a 400 problem naming the field.
 */
public record PageParams(@Min(0) @Max(MAX_PAGE) Integer page, @Min(1) @Max(200) Integer size) {

    /**
     * The last page a caller may ask for: page x size stays far below 2^31, which the store's skip would otherwise
     * wrap round to page 0.
     */
    public static final int MAX_PAGE = 1_000_000;

    public PageParams {
        page = page == null ? 0 : page;
        size = size == null ? 20 : size;
    }

    public long offset() {
        return (long) page * size;
    }
}
