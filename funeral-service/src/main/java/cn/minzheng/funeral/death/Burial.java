package cn.minzheng.funeral.death;

import java.time.LocalDate;

/** Where and how the remains were laid to rest; an eco type earns the county's reward once per death. */
public record Burial(BurialType type, String cemeteryId, String plotId, LocalDate on, boolean ecoReward,
        String recordedBy) {

    public enum BurialType {
        GRAVE(false), NICHE(false), TREE(true), LAWN(true), FLOWER_BED(true), SEA(true), SCATTERING(true);

        private final boolean eco;

        BurialType(boolean eco) {
            this.eco = eco;
        }

        public boolean eco() {
            return eco;
        }

        /** Sea burial and scattering use no plot. */
        public boolean needsPlot() {
            return this != SEA && this != SCATTERING;
        }
    }
}
