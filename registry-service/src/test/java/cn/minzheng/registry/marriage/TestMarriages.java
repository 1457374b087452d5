package cn.minzheng.registry.marriage;

import java.time.Clock;
import java.time.LocalDate;

import cn.minzheng.platform.identity.DivisionCode;
import cn.minzheng.registry.Parties;

/** Marriages for slice tests, whose collections are mocks. */
public final class TestMarriages {

    private TestMarriages() {
    }

    /** A marriage registered today at 钟楼区's office, still lasting. */
    public static Marriage lasting() {
        return Marriage.register("office-320404-01", DivisionCode.of("320404"), Parties.man(LocalDate.of(1990, 1, 1)),
                Parties.woman(LocalDate.of(1991, 1, 1)), true, "r", Clock.systemUTC());
    }
}
