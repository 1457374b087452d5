package cn.minzheng.platform.events;

/**
 * A fact an aggregate announces, as a record in its producer's {@code messaging} package: the record's components
 * are the event's JSON data (null components are left out), and {@link #type()} is its stable CloudEvents type,
 * which ends in its version ({@code minzheng.<service>.<noun>.<verb>.v<N>}, never a class name). Each record
 * declares that string once, as {@code public static final String TYPE}; its JSON Schema and AsyncAPI entry are
 * kept equal to it by the producer's tests.
 */
public interface DomainEvent {

    String type();

    /** The version at the end of the type: a breaking change is a new record with the next version beside this. */
    default int version() {
        String type = type();
        return Integer.parseInt(type.substring(type.lastIndexOf(".v") + 2));
    }
}
