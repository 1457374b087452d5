/** funeral's death events, and what a death ends here: a stay, and home-care orders not yet served. */
package cn.minzheng.eldercare.death.messaging;
