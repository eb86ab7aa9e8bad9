package eu.clustercalls.call;

import java.util.Date;

import org.springframework.stereotype.Component;

/** Timers of funding-call. The closing timer reads the call's current closing time, so an extension moves it. */
@Component("callSchedule")
public class CallSchedule {

    private final CallService calls;

    CallSchedule(CallService calls) {
        this.calls = calls;
    }

    public Date closingTime(Long callId) {
        return Date.from(calls.get(callId).getClosesAt());
    }

    /** The end of the activity's last day: until then a freed slot can still go to the reserve list. */
    public Date activityEnd(Long callId) {
        return Date.from(calls.get(callId).getActivityEnd().plusDays(1).atStartOfDay(calls.zone()).toInstant());
    }
}
