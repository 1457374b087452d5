/**
 * Deaths (死亡登记) and the funeral home's services for them: a death record per person (a second one answers 409
 * with the first), the household-registration division recorded as given (never read from the ID number), the
 * services a funeral home provides (transport, cold storage, farewell, cremation with its unique certificate, ash
 * handling) and the burial. Publishes {@code death.recorded}, which every office reacts to.
 */
package cn.minzheng.funeral.death;
