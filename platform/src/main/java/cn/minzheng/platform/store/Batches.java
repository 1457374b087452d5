package cn.minzheng.platform.store;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Walks a stream in batches, so that a job reading a whole division asks the store once per batch for what it needs
 * of each record (one query by ids, one bulk write), instead of once per record: its round trips grow with the
 * number of batches, not of records. The caller still owns (and closes) the stream.
 */
public final class Batches {

    private Batches() {
    }

    public static <T> void forEach(Stream<T> stream, int size, Consumer<List<T>> work) {
        Iterator<T> items = stream.iterator();
        List<T> batch = new ArrayList<>(size);
        while (items.hasNext()) {
            batch.add(items.next());
            if (batch.size() == size) {
                work.accept(List.copyOf(batch));
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            work.accept(List.copyOf(batch));
        }
    }
}
