package org.anisocr.solver.gpu;

import jcuda.driver.CUdeviceptr;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Values, not only names: every typed method of {@link Kernels} is called with a distinct sentinel in every argument,
 * and the argument list it hands to the launch (the values {@link KernelCall#params()} packs) must hold the k-th
 * sentinel at kernel slot k, with the C type that fits it. A swapped pair of same-typed arguments, a constant where an
 * argument belongs, or an int packed where the kernel takes a long would fail here.
 */
class KernelWiringTest {
    @Test
    void everyArgumentReachesItsKernelSlot() throws Exception {
        int methods = 0;
        for (Method method : Kernels.class.getDeclaredMethods()) {
            if (method.getReturnType() != KernelCall.class || Modifier.isPrivate(method.getModifiers())) {
                continue;
            }
            for (int variant = 0; variant < 2; variant++) {
                checkMethod(method, variant);
            }
            methods++;
        }
        assertEquals(KernelSignatureTest.declaredKernels().size(), methods, "one method per kernel");
    }

    /**
     * Calls the method with sentinels (variant 1 flips booleans and takes the last enum constant) and checks each slot.
     */
    private static void checkMethod(Method method, int variant) throws Exception {
        Class<?>[] types = method.getParameterTypes();
        Object[] args = new Object[types.length];
        List<Object> expected = new ArrayList<>();
        for (int a = 0; a < types.length; a++) {
            args[a] = sentinel(types[a], a, variant);
            expected.add(packed(args[a]));
        }
        KernelCall call = (KernelCall) method.invoke(null, args);
        List<KernelCall.Arg> slots = call.args();
        String where = method.getName() + " (" + call.kernel() + ")";
        assertEquals(expected.size(), slots.size(), "argument count of " + where);
        for (int k = 0; k < slots.size(); k++) {
            KernelCall.Arg slot = slots.get(k);
            Object want = expected.get(k);
            String what = where + " slot " + k + " (" + slot.name() + ")";
            if (want instanceof CUdeviceptr) {
                assertSame(want, slot.value(), what);
            } else {
                assertEquals(want, slot.value(), what);
            }
            assertEquals(typeOf(want), slot.type(), "C type of " + what);
            slot.pointer(); // packs without a cast failure
        }
        call.params();
    }

    /** Distinct per argument position and type: ints 1001, 1002, …; longs beyond the int range; halves for doubles. */
    private static Object sentinel(Class<?> type, int a, int variant) {
        if (type == int.class) {
            return 1001 + a;
        }
        if (type == long.class) {
            return 5_000_000_000L + a;
        }
        if (type == double.class) {
            return 0.5 + a;
        }
        if (type == boolean.class) {
            return variant == 1;
        }
        if (type == CUdeviceptr.class) {
            return new CUdeviceptr();
        }
        Object[] constants = type.getEnumConstants();
        return constants[variant == 0 ? 0 : constants.length - 1];
    }

    /** What the kernel receives for a Java argument: a boolean as int 0/1, a ReduceOp as its code. */
    private static Object packed(Object javaValue) {
        if (javaValue instanceof Boolean b) {
            return b ? 1 : 0;
        }
        if (javaValue instanceof Kernels.ReduceOp op) {
            return op.code;
        }
        return javaValue;
    }

    private static String typeOf(Object value) {
        if (value instanceof Integer) {
            return "int";
        }
        if (value instanceof Long) {
            return "long";
        }
        if (value instanceof Double) {
            return "double";
        }
        assertTrue(value instanceof CUdeviceptr, "unexpected argument " + value);
        return "pointer";
    }

    @Test
    void reduceOpCodesAreTheKernelsOps() {
        assertEquals(0, Kernels.ReduceOp.SUM.code);
        assertEquals(1, Kernels.ReduceOp.MAX.code);
        assertEquals(2, Kernels.ReduceOp.MIN.code);
    }
}
