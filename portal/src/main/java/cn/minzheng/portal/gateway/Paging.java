package cn.minzheng.portal.gateway;

/** A list page's position as the pager shows it, from the service's {@code page} block. */
public record Paging(int number, int size, long total) {

    public static final int SIZE = 20;

    public static Paging of(ApiAnswer answer, int number) {
        return new Paging(number, SIZE, answer.total());
    }

    public boolean hasPrevious() {
        return number > 0;
    }

    public boolean hasNext() {
        return (long) (number + 1) * size < total;
    }
}
