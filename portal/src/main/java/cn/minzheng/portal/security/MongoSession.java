package cn.minzheng.portal.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.springframework.session.MapSession;
import org.springframework.session.Session;

/**
 * A workbench session as {@link MongoSessionRepository} keeps it: Spring Session's {@link MapSession} plus what the
 * repository needs to skip work, whether an attribute changed since it was read ({@link #dirty}) and when the stored
 * copy was last touched. As in Spring Session's other stores, a change is an attribute set or removed.
 */
final class MongoSession implements Session {

    private final MapSession session;
    private final long revision;
    private final Instant storedLastAccessed;
    private boolean dirty;

    MongoSession(MapSession session, long revision, Instant storedLastAccessed, boolean dirty) {
        this.session = session;
        this.revision = revision;
        this.storedLastAccessed = storedLastAccessed;
        this.dirty = dirty;
    }

    MapSession map() {
        return session;
    }

    long revision() {
        return revision;
    }

    Instant storedLastAccessed() {
        return storedLastAccessed;
    }

    boolean dirty() {
        return dirty;
    }

    @Override
    public String getId() {
        return session.getId();
    }

    String originalId() {
        return session.getOriginalId();
    }

    @Override
    public String changeSessionId() {
        dirty = true;
        return session.changeSessionId();
    }

    @Override
    public <T> T getAttribute(String name) {
        return session.getAttribute(name);
    }

    @Override
    public Set<String> getAttributeNames() {
        return session.getAttributeNames();
    }

    @Override
    public void setAttribute(String name, Object value) {
        dirty = true;
        session.setAttribute(name, value);
    }

    @Override
    public void removeAttribute(String name) {
        dirty = true;
        session.removeAttribute(name);
    }

    @Override
    public Instant getCreationTime() {
        return session.getCreationTime();
    }

    @Override
    public void setLastAccessedTime(Instant lastAccessedTime) {
        session.setLastAccessedTime(lastAccessedTime);
    }

    @Override
    public Instant getLastAccessedTime() {
        return session.getLastAccessedTime();
    }

    @Override
    public void setMaxInactiveInterval(Duration interval) {
        dirty = true;
        session.setMaxInactiveInterval(interval);
    }

    @Override
    public Duration getMaxInactiveInterval() {
        return session.getMaxInactiveInterval();
    }

    @Override
    public boolean isExpired() {
        return session.isExpired();
    }
}
