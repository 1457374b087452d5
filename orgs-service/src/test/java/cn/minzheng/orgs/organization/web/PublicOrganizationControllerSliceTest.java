package cn.minzheng.orgs.organization.web;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.minzheng.orgs.organization.Organizations;
import cn.minzheng.testsupport.ControllerSlice;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 30.12 and finding 29.8: the public register needs no login, and a download asked again with its current
 * ETag is a 304 that never reads the register (one indexed read of the last change decides it); a search needs a
 * division or a code.
 */
@ControllerSlice(PublicOrganizationController.class)
class PublicOrganizationControllerSliceTest {

    @Autowired
    MockMvc http;

    @MockitoBean
    Organizations organizations;

    @BeforeEach
    void theRegisterLastChanged() {
        when(organizations.lastChange()).thenReturn(Optional.of(Instant.parse("2026-11-30T08:00:00Z")));
    }

    @Test
    void a_download_asked_again_with_its_tag_is_a_304_without_reading_the_register() throws Exception {
        var first = http.perform(get("/api/orgs/public/register.csv?division=320404"))
                .andExpect(status().isOk()).andReturn();
        String tag = first.getResponse().getHeader("ETag");
        // The body is streamed after the handler returns: let it finish before counting what the next request reads.
        if (first.getRequest().isAsyncStarted()) {
            http.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch(first));
        }

        org.mockito.Mockito.clearInvocations(organizations);
        http.perform(get("/api/orgs/public/register.csv?division=320404").header("If-None-Match", tag))
                .andExpect(status().isNotModified()).andExpect(header().string("ETag", tag));
        verify(organizations, never()).streamWithin(any());

        when(organizations.lastChange()).thenReturn(Optional.of(Instant.parse("2026-12-01T08:00:00Z")));
        http.perform(get("/api/orgs/public/register.csv?division=320404").header("If-None-Match", tag))
                .andExpect(status().isOk());
    }

    @Test
    void a_search_needs_a_division_or_a_code_and_no_login() throws Exception {
        http.perform(get("/api/orgs/public/organizations"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("/problems/division-or-code-required"));
        verify(organizations, never()).findByName(any(), any(), org.mockito.ArgumentMatchers.anyLong(),
                org.mockito.ArgumentMatchers.anyInt());
    }
}
