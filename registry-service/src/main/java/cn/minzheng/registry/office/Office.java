package cn.minzheng.registry.office;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import cn.minzheng.platform.identity.DivisionCode;
import cn.minzheng.platform.events.OutboxAggregate;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A registry office. Since the 2025 regulations any office may register anyone (全国通办), so an office's division
 * only says where it is and whose statistics its registrations count in; it restricts no one.
 */
@Document("offices")
public class Office extends OutboxAggregate {

    @Id
    private final String id;
    private final String code;
    private final String name;
    private final DivisionCode division;
    private final String address;
    private final Set<DayOfWeek> openingDays;
    private final List<TimeBand> bands;

    @PersistenceCreator
    Office(String id, String code, String name, DivisionCode division, String address, Set<DayOfWeek> openingDays,
            List<TimeBand> bands) {
        this.id = id;
        this.code = code;
        this.name = name;
        this.division = division;
        this.address = address;
        this.openingDays = Set.copyOf(openingDays);
        this.bands = List.copyOf(bands);
    }

    public static Office open(String code, String name, DivisionCode division, String address, Set<DayOfWeek> openingDays,
            List<TimeBand> bands) {
        return new Office("office-" + code, code, name, division, address, openingDays, bands);
    }

    public boolean isOpenOn(LocalDate date) {
        return openingDays.contains(date.getDayOfWeek());
    }

    public Optional<TimeBand> band(String slot) {
        return bands.stream().filter(b -> b.slot().equals(slot)).findFirst();
    }

    @Override
    public String id() {
        return id;
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    public DivisionCode division() {
        return division;
    }

    public String address() {
        return address;
    }

    public Set<DayOfWeek> openingDays() {
        return openingDays;
    }

    public List<TimeBand> bands() {
        return bands;
    }
}
