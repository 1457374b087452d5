package cn.minzheng.funeral.death;

/**
 * The funeral home's services as the fee catalogue prices them (基本殡葬服务 are the first five; the others are
 * further items). Quantities: trips, days of cold storage, the rest one each.
 */
public enum ServiceItem {
    TRANSPORT, COLD_STORAGE, FAREWELL, CREMATION, ASH_BOX, ASH_STORAGE, MEMORIAL_HALL, DRESSING
}
