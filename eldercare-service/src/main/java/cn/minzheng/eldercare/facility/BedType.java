package cn.minzheng.eldercare.facility;

/** A bed's type: nursing-type beds (护理型床位) are counted towards the nursing-bed ratio target. */
public enum BedType {
    GENERAL, NURSING
}
