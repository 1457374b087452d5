package cn.minzheng.eldercare.meal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import cn.minzheng.eldercare.support.AssistanceStatus;
import cn.minzheng.platform.identity.DivisionCode;
import cn.minzheng.platform.personal.ProtectedIdNumber;

import org.springframework.data.annotation.Id;

/**
 * One meal served to one person: its id is {@code personRef/date/meal}, so the store itself keeps "once per person,
 * day and meal", by {@code _id}, on the embedded store and MongoDB alike. The subsidy and what it rests on (age that
 * day, assistance that day) are fixed when it is recorded.
 */
public record MealRecord(@Id String id, ProtectedIdNumber idNumber, String name, String mealPointId,
        DivisionCode division, LocalDate date, Meal meal, int age, List<AssistanceStatus.Programme> assistance,
        BigDecimal subsidyByAge, BigDecimal subsidyByAssistance, BigDecimal subsidy, String recordedBy,
        Instant recordedAt) {

    public enum Meal {
        BREAKFAST, LUNCH, DINNER
    }

    static String id(String personRef, LocalDate date, Meal meal) {
        return personRef + "/" + date + "/" + meal;
    }
}
