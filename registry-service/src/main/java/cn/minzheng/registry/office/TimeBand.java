package cn.minzheng.registry.office;

/** A band of the day an office takes appointments in ({@code 09:00-10:30}) and how many people it can serve. */
public record TimeBand(String slot, int capacity) {
}
