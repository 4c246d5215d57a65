package org.evgrid.icc.command.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.regex.Pattern;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.evgrid.icc.coreapi.common.ErrorCategory;
import org.evgrid.icc.coreapi.common.IccException;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/** Test support: a refusal has the expected category and code and speaks business language (Chinese, English, a fix). */
public final class Refused {

    private static final Pattern CHINESE = Pattern.compile("\\p{IsHan}");

    private Refused() {
    }

    /** A Hamcrest matcher for {@code AggregateTestFixture.expectException}. */
    public static Matcher<IccException> refused(ErrorCategory category, String code) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(IccException e) {
                return e.category() == category && code.equals(e.code()) && speaksBusiness(e);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a refusal " + category + " " + code + " with Chinese and English messages and a fix");
            }

            @Override
            protected void describeMismatchSafely(IccException e, Description description) {
                description.appendText("was " + e.category() + " " + e.code() + " field=" + e.field() + " zh=" + e.messageZh()
                        + " en=" + e.messageEn() + " fix=" + e.fix());
            }
        };
    }

    /** Runs the call and answers its refusal, failing unless it is the expected one. */
    public static IccException assertRefused(ThrowingCallable call, ErrorCategory category, String code) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).as("refusal " + code).isInstanceOf(IccException.class);
        IccException e = (IccException) thrown;
        assertThat(e.code()).as("code; message " + e.getMessage()).isEqualTo(code);
        assertThat(e.category()).isEqualTo(category);
        assertThat(speaksBusiness(e)).as("messages and fix of " + e.getMessage()).isTrue();
        return e;
    }

    private static boolean speaksBusiness(IccException e) {
        return e.messageZh() != null && CHINESE.matcher(e.messageZh()).find()
                && e.messageEn() != null && !e.messageEn().isBlank()
                && e.fix() != null && !e.fix().isBlank();
    }
}
