package cn.minzheng.eldercare.facility.web;

import jakarta.validation.Valid;

import cn.minzheng.eldercare.facility.BedCounters;
import cn.minzheng.eldercare.facility.BedType;
import cn.minzheng.eldercare.facility.Facilities;
import cn.minzheng.eldercare.facility.Facility;
import cn.minzheng.eldercare.facility.FacilityType;
import cn.minzheng.platform.identity.DivisionCode;
import cn.minzheng.platform.web.PageParams;
import cn.minzheng.platform.web.PageResponse;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What a family choosing a care home asks for, without a login: where, what kind, and how many beds are free. */
@Tag(name = "机构查询 Facility finder", description = "公众查询养老机构和空余床位，无需登录。 The public finds facilities and free beds, no login.")
@RestController
class PublicFacilityController {

    private final Facilities facilities;
    private final BedCounters beds;

    PublicFacilityController(Facilities facilities, BedCounters beds) {
        this.facilities = facilities;
        this.beds = beds;
    }

    /** A facility as the public sees it: no operator contract, no filing number, no one who lives there. */
    record PublicFacility(String id, String name, FacilityType type, String divisionCode, String address,
            Integer stars, int freeGeneralBeds, int freeNursingBeds) {
    }

    @Operation(summary = "查找养老机构 Find a facility",
            description = "按区划和类型查找养老机构及其空余床位，无需登录。\n"
                    + "Facilities of a division and type with their free beds; no login.")
    @GetMapping("/api/eldercare/public/facilities")
    PageResponse<PublicFacility> find(@RequestParam DivisionCode division,
            @RequestParam(required = false) FacilityType type, @Valid PageParams page) {
        return PageResponse.of(facilities.find(division, type, page.offset(), page.size()), page,
                facilities.count(division, type), this::view);
    }

    private PublicFacility view(Facility f) {
        var free = beds.free(f);
        return new PublicFacility(f.id(), f.name(), f.type(), f.division().value(), f.address(),
                f.rating().map(r -> r.stars()).orElse(null), free.get(BedType.GENERAL), free.get(BedType.NURSING));
    }
}
