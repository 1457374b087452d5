/**
 * Events without transactions (DESIGN.md §5): an aggregate carries its not-yet-published events in an
 * {@code outbox} array written by the same single-document write as its state change; {@link
 * cn.minzheng.platform.events.OutboxRelay} publishes them as CloudEvents and removes them once the broker has them.
 */
package cn.minzheng.platform.events;
