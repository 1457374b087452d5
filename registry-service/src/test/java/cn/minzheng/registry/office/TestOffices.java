package cn.minzheng.registry.office;

import java.time.DayOfWeek;
import java.util.EnumSet;
import java.util.List;

import cn.minzheng.platform.identity.DivisionCode;

/** Offices for slice tests, whose collections are mocks. */
public final class TestOffices {

    /** 钟楼区's office, open every day with one band of 20 places. */
    public static final Office ZHONGLOU = Office.open("320404-01", "钟楼区婚姻登记处", DivisionCode.of("320404"),
            "延陵西路 1 号", EnumSet.allOf(DayOfWeek.class), List.of(new TimeBand("09:00-10:00", 20)));

    private TestOffices() {
    }
}
