package cn.minzheng.platform.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * {@code ?page=&size=} of every list: page from 0, size 1 to 200 (20 when absent). Bound from query parameters
 * and validated like a request body, so {@code size=500} is a 400 problem naming the field.
 */
public record PageParams(@Min(0) Integer page, @Min(1) @Max(200) Integer size) {

    public PageParams {
        page = page == null ? 0 : page;
        size = size == null ? 20 : size;
    }

    public long offset() {
        return (long) page * size;
    }
}
