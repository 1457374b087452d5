package cn.minzheng.funeral.fee;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import cn.minzheng.funeral.death.Death;
import cn.minzheng.funeral.death.ServiceItem;
import cn.minzheng.funeral.death.ServiceRecord;

/**
 * The waiver of one death: each service given, its price from the county's catalogue, the amount waived and the
 * rule that applied. A resident (household registration in the funeral home's county) has the basic items waived
 * (cold storage up to the county's days); a person of a dibao or extremely-poor household on the date of death
 * also has the further items waived. A non-resident pays everything unless a poor-household rule applies to them.
 */
public record FeeWaiver(String deathId, boolean resident, String householdProgramme, List<Line> items,
        BigDecimal total, BigDecimal waived, BigDecimal payable) {

    /** One item: {@code rule} is RESIDENT_BASIC, POOR_HOUSEHOLD or NONE. */
    public record Line(ServiceItem item, int quantity, BigDecimal unitPrice, BigDecimal price, BigDecimal waived,
            String rule) {
    }

    public static FeeWaiver of(Death death, FeeRules.County rules, Optional<String> poorProgramme) {
        boolean resident = death.residenceDivision().county().equals(death.funeralHomeDivision().county());
        List<Line> lines = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO.setScale(2);
        BigDecimal waived = BigDecimal.ZERO.setScale(2);
        for (ServiceRecord service : death.services()) {
            BigDecimal unit = rules.prices().getOrDefault(service.item(), BigDecimal.ZERO).setScale(2,
                    RoundingMode.HALF_UP);
            BigDecimal price = unit.multiply(BigDecimal.valueOf(service.quantity()));
            String rule = "NONE";
            BigDecimal off = BigDecimal.ZERO.setScale(2);
            if (resident && rules.basicForResidents().contains(service.item())) {
                rule = "RESIDENT_BASIC";
                int days = service.item() == ServiceItem.COLD_STORAGE && rules.coldStorageDaysWaived() != null
                        ? Math.min(service.quantity(), rules.coldStorageDaysWaived()) : service.quantity();
                off = unit.multiply(BigDecimal.valueOf(days));
            } else if (poorProgramme.isPresent() && rules.furtherForPoor().contains(service.item())) {
                rule = "POOR_HOUSEHOLD_" + poorProgramme.get();
                off = price;
            }
            lines.add(new Line(service.item(), service.quantity(), unit, price, off, rule));
            total = total.add(price);
            waived = waived.add(off);
        }
        return new FeeWaiver(death.id(), resident, poorProgramme.orElse(null), lines, total, waived,
                total.subtract(waived));
    }
}
