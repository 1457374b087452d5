package cn.minzheng.registry.demo;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;


import cn.minzheng.platform.identity.DivisionCode;
import cn.minzheng.platform.identity.ResidentIdNumber;
import cn.minzheng.platform.demo.DemoDataSet;
import cn.minzheng.platform.demo.DemoPeople;
import cn.minzheng.platform.personal.PersonalDataCipher;
import cn.minzheng.platform.time.LegalCalendar;
import cn.minzheng.registry.appointment.Appointment;
import cn.minzheng.registry.appointment.AppointmentService;
import cn.minzheng.registry.appointment.Slots;
import cn.minzheng.registry.marriage.Marriage;
import cn.minzheng.registry.marriage.MarriageService;
import cn.minzheng.registry.office.Office;
import cn.minzheng.registry.office.Offices;
import cn.minzheng.registry.office.TimeBand;
import cn.minzheng.registry.party.Party;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The offices of 钟楼区 (320404) and 金坛区 (320413) with their places for the next 60 days, some 80 back-entered
 * historical marriages (the demo citizen of the realm among them, so {@code /me/marriages} shows something), and a
 * few bookings. Loaded once by the run command, through the real services; ID numbers are generated and belong to
 * no one, except the realm's demo citizen's.
 */
@Component
@ConditionalOnProperty(name = "minzheng.registry.demo-data", havingValue = "true")
class DemoData extends DemoDataSet {

    /** The realm's demo citizen (keycloak/minzheng-realm.json). */
    private static final String DEMO_CITIZEN = "320404198503150026";

    private final Offices offices;
    private final Slots slots;
    private final MarriageService marriages;
    private final AppointmentService appointments;
    private final PersonalDataCipher cipher;
    private final LegalCalendar calendar;
    private final Clock clock;
    private final DemoPeople people = new DemoPeople(20_261_124);
    private final Random random = people.random();

    DemoData(MongoTemplate mongo, Offices offices, Slots slots, MarriageService marriages,
            AppointmentService appointments, PersonalDataCipher cipher, LegalCalendar calendar, Clock clock) {
        super(mongo, clock, "registry-demo-v1");
        this.calendar = calendar;
        this.offices = offices;
        this.slots = slots;
        this.marriages = marriages;
        this.appointments = appointments;
        this.cipher = cipher;
        this.clock = clock;
    }

    @Override
    protected void load() {
        List<TimeBand> bands = List.of(new TimeBand("09:00-10:00", 20), new TimeBand("10:00-11:00", 20),
                new TimeBand("14:00-15:00", 15), new TimeBand("15:00-16:00", 15));
        EnumSet<DayOfWeek> weekdays = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
        Office zhonglou = Office.open("320404-01", "钟楼区婚姻登记处", DivisionCode.of("320404"), "常州市钟楼区延陵西路 1 号", weekdays,
                bands);
        Office jintan = Office.open("320413-01", "金坛区婚姻登记处", DivisionCode.of("320413"), "常州市金坛区金城镇东门大街 1 号",
                weekdays, bands);
        for (Office office : List.of(zhonglou, jintan)) {
            item("office " + office.code() + " with places for 60 days", () -> {
                offices.insertIfAbsent(office);
                LocalDate today = LocalDate.now(clock);
                for (int d = 0; d <= 60; d++) {
                    if (office.registersOn(today.plusDays(d), calendar)) {
                        slots.open(office, today.plusDays(d));
                    }
                }
            });
        }
        for (int i = 0; i < 80; i++) {
            int index = i;
            item("historical marriage " + i, () -> history(index % 2 == 0 ? zhonglou : jintan, index));
        }
        for (int i = 0; i < 30; i++) {
            int index = i;
            item("booking " + i, () -> booking(index % 3 == 0 ? jintan : zhonglou, index));
        }
    }

    private void history(Office office, int index) {
        int year = 1990 + random.nextInt(26);
        LocalDate registeredOn = LocalDate.of(year, 1 + random.nextInt(12), 1 + random.nextInt(28));
        LocalDate husbandBirth = registeredOn.minusYears(23 + random.nextInt(8)).minusDays(random.nextInt(300));
        LocalDate wifeBirth = registeredOn.minusYears(21 + random.nextInt(8)).minusDays(random.nextInt(300));
        ResidentIdNumber wife = index == 0 ? ResidentIdNumber.of(DEMO_CITIZEN)
                : people.idNumber(office.division().value(), wifeBirth, false);
        if (index == 0) {
            registeredOn = LocalDate.of(2010, 10, 10);
        }
        Marriage.Status status = index % 7 == 3 ? Marriage.Status.DIVORCED
                : index % 11 == 5 ? Marriage.Status.ENDED_BY_DEATH : Marriage.Status.MARRIED;
        marriages.backEnter(office, party(people.idNumber(office.division().value(), husbandBirth, true)), party(wife), registeredOn,
                "J" + office.code() + "-" + year + "-H" + String.format("%05d", index), status,
                "纸质婚姻登记档案 " + year + " 年 第 " + (1 + index / 10) + " 卷 (demo)", "demo-data");
    }

    private void booking(Office office, int index) {
        LocalDate date = LocalDate.now(clock).plusDays(3 + random.nextInt(40));
        while (!office.registersOn(date, calendar)) {
            date = date.plusDays(1);
        }
        Appointment.Kind kind = index % 5 == 0 ? Appointment.Kind.DIVORCE_APPLICATION : Appointment.Kind.MARRIAGE;
        LocalDate birth = people.birthDay(1990, 10);
        appointments.book(office, date, office.bands().get(random.nextInt(office.bands().size())).slot(), kind,
                party(people.idNumber(office.division().value(), birth, random.nextBoolean())), "demo-data", "MOBILE");
    }

    private Party party(ResidentIdNumber idNumber) {
        return Party.of(idNumber, people.name(), cipher);
    }

}
