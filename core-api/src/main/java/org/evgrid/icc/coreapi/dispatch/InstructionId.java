package org.evgrid.icc.coreapi.dispatch;

import java.util.regex.Pattern;

import org.evgrid.icc.coreapi.archive.OperatorId;
import org.evgrid.icc.coreapi.common.IccException;
import org.evgrid.icc.coreapi.common.Identifier;

/**
 * Identifier of a dispatch instruction to one operator platform: {@code <plan id>~<operator id>}.
 */
public record InstructionId(String value) implements Identifier {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:-]{0,159}~[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}");

    public InstructionId {
        if (value == null || !ID.matcher(value).matches()) {
            throw IccException.invalid("ICC-ID-INVALID", "instructionId",
                    "标识“instructionId”格式不正确：应为 1–224 位字母、数字或 _ . : - 等，且以字母或数字开头",
                    "Identifier 'instructionId' is malformed: use 1-224 letters, digits or _ . : -, starting with a letter or digit",
                    "Send a value such as DP-BID-DAY_AHEAD-20261201-AU-1~OP-1");
        }
    }

    /** The instruction of a plan to an operator. */
    public static InstructionId of(DispatchPlanId planId, OperatorId operatorId) {
        return new InstructionId(planId.value() + "~" + operatorId.value());
    }

    /** The plan the instruction belongs to. */
    public DispatchPlanId planId() {
        return new DispatchPlanId(value.substring(0, value.lastIndexOf('~')));
    }

    /** The operator the instruction is for. */
    public OperatorId operatorId() {
        return new OperatorId(value.substring(value.lastIndexOf('~') + 1));
    }

    @Override
    public String toString() {
        return value;
    }
}
