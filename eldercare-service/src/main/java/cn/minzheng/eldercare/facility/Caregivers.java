package cn.minzheng.eldercare.facility;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

/** The facility's caregivers (养老护理员) and how many hold a vocational certificate, as reported on a day. */
public record Caregivers(int total, int certified, LocalDate reportedOn) {

    /** 持证率 in percent to the hundredth; null without caregivers. */
    public BigDecimal certificationRate() {
        return total == 0 ? null : BigDecimal.valueOf(certified * 100L).divide(BigDecimal.valueOf(total), 2,
                RoundingMode.HALF_UP);
    }
}
