package eu.clustercalls.call;

import java.util.Date;

import org.springframework.stereotype.Component;

/** The closing timer of funding-call reads the call's current closing time, so an extension moves it. */
@Component("callSchedule")
public class CallSchedule {

    private final CallService calls;

    CallSchedule(CallService calls) {
        this.calls = calls;
    }

    public Date closingTime(Long callId) {
        return Date.from(calls.get(callId).getClosesAt());
    }
}
