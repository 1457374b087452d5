package cn.minzheng.eldercare.serviceorder;

/** 居家养老上门服务 kinds. */
public enum ServiceType {
    /** 助洁 */
    CLEANING,
    /** 助浴 */
    BATHING,
    /** 助餐送餐 */
    MEAL_DELIVERY,
    /** 助医/护理 */
    NURSING,
    /** 精神慰藉 */
    COMPANIONSHIP,
    /** 康复 */
    REHABILITATION
}
