/** Deaths the registry learned of: its own projection of funeral's death.recorded, checked before every act. */
package cn.minzheng.registry.death;
