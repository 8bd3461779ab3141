# generates Variants.java: sumExp with K vectors per iteration, Horner or Estrin
def body(K, scheme, ind, opts=''):
    L=[]
    a=L.append
    for j in range(K):
        a(f"FloatVector d{j} = FloatVector.fromArray(S, x, i + {j} * L)" + ("" if 'noR' in opts else ".sub(vR)") + ("" if 'noMask' in opts else ".reinterpretAsInts().lanewise(VectorOperators.UMIN, LOWEST_BITS).reinterpretAsFloats()") + ";")
    for j in range(K): a(f"FloatVector b{j} = d{j}.fma(vLog2e, vMagic);")
    for j in range(K): a(f"FloatVector s{j} = b{j}.reinterpretAsInts()" + ("" if 'noClamp' in opts else ".max(MIN_POW2_BITS)") + ".lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();")
    for j in range(K): a(f"FloatVector t{j} = b{j}.sub(vMagic).fma(vMinusLn2, d{j});")
    if scheme in ('H0','E0'): pass
    elif scheme=='H':
        for j in range(K): a(f"FloatVector p{j} = t{j}.fma(vC5, vC4);")
        for c in ['vC3','vC2','vC1','vC0']:
            for j in range(K): a(f"p{j} = p{j}.fma(t{j}, {c});")
    else:
        for j in range(K): a(f"FloatVector q{j} = t{j}.mul(t{j});")
        for j in range(K): a(f"FloatVector u{j} = t{j}.fma(vC5, vC4);")
        for j in range(K): a(f"FloatVector w{j} = t{j}.fma(vC3, vC2);")
        for j in range(K): a(f"FloatVector z{j} = t{j}.fma(vC1, vC0);")
        for j in range(K): a(f"FloatVector p{j} = q{j}.fma(q{j}.fma(u{j}, w{j}), z{j});")
    if scheme=='H0':
        for j in range(K): a(f"FloatVector q{j} = t{j}.fma(vC5, vC4);")
        for c in ['vC3','vC2','vC1']:
            for j in range(K): a(f"q{j} = q{j}.fma(t{j}, {c});")
        for j in range(K): a(f"FloatVector f{j} = s{j}.mul(t{j}).fma(q{j}, s{j});")
    elif scheme=='E0':
        for j in range(K): a(f"FloatVector t2{j} = t{j}.mul(t{j});")
        for j in range(K): a(f"FloatVector a{j} = t{j}.fma(vC2, vC1);")
        for j in range(K): a(f"FloatVector c{j} = t{j}.fma(vC4, vC3);")
        for j in range(K): a(f"FloatVector q{j} = t2{j}.fma(t2{j}.fma(vC5, c{j}), a{j});")
        for j in range(K): a(f"FloatVector f{j} = s{j}.mul(t{j}).fma(q{j}, s{j});")
    else:
        for j in range(K): a(f"FloatVector f{j} = p{j}.mul(s{j});")
    return "\n".join(ind+l for l in L), K

TBL='\n    static double {name}(float[] x, int from, int to, float r, float magic) {{\n        final int STEP = {K} * L;\n        float[] rm = new float[2 * L];\n        java.util.Arrays.fill(rm, 0, L, r);\n        java.util.Arrays.fill(rm, L, 2 * L, magic);\n        final FloatVector vR = FloatVector.fromArray(S, rm, 0);\n        final FloatVector vMagic = FloatVector.fromArray(S, rm, L);\n        final FloatVector vLog2e = FloatVector.fromArray(S, TABLE, 0 * L);\n        final FloatVector vMinusLn2 = FloatVector.fromArray(S, TABLE, 1 * L);\n        final FloatVector vC5 = FloatVector.fromArray(S, TABLE, 2 * L);\n        final FloatVector vC4 = FloatVector.fromArray(S, TABLE, 3 * L);\n        final FloatVector vC3 = FloatVector.fromArray(S, TABLE, 4 * L);\n        final FloatVector vC2 = FloatVector.fromArray(S, TABLE, 5 * L);\n        final FloatVector vC1 = FloatVector.fromArray(S, TABLE, 6 * L);\n        final FloatVector vC0 = FloatVector.fromArray(S, TABLE, 7 * L);\n        final IntVector vLowest = IntVector.fromArray(IS, ITABLE, 0);\n        final IntVector vMinPow2 = IntVector.fromArray(IS, ITABLE, L);\n        double total = 0;\n        int i = from;\n        while (i <= to - STEP) {{\n            int blockEnd = Math.min(to, i + 1024) - STEP;\n            FloatVector acc0 = FloatVector.zero(S);\n            FloatVector acc1 = acc0;\n            for (; i <= blockEnd; i += STEP) {{\n{b}\n                {accline}\n            }}\n            total += acc0.add(acc1).reduceLanes(VectorOperators.ADD);\n        }}\n        return total;\n    }}\n'
def sumexp(name, K, scheme, accs=2, opts=''):
    b,_=body(K,scheme,"                ",opts)
    if K==1: accline="acc0 = acc0.add(f0);"
    elif accs==1: accline="acc0 = acc0.add(" + ".add(".join(f"f{j}" for j in range(K)) + ")"*(K-1) + ");"
    else:
        half=(K+1)//2
        g0=[f"f{j}" for j in range(half)]; g1=[f"f{j}" for j in range(half,K)]
        def s(g): return g[0] if len(g)==1 else g[0]+"".join(f".add({x})" for x in g[1:])
        accline=f"acc0 = acc0.add({s(g0)});\n                acc1 = acc1.add({s(g1)});"
    if 'T' in opts:
        b=b.replace("lanewise(VectorOperators.UMIN, LOWEST_BITS)","lanewise(VectorOperators.UMIN, vLowest)").replace("max(MIN_POW2_BITS)","max(vMinPow2)")
        return TBL.format(name=name,K=K,b=b,accline=accline)
    return f"""
    static double {name}(float[] x, int from, int to, float r, float magic) {{
        final int STEP = {K} * L;
        final FloatVector vR = FloatVector.broadcast(S, r);
        final FloatVector vMagic = FloatVector.broadcast(S, magic);
        final FloatVector vLog2e = FloatVector.broadcast(S, LOG2E);
        final FloatVector vMinusLn2 = FloatVector.broadcast(S, MINUS_LN2);
        final FloatVector vC5 = FloatVector.broadcast(S, C5);
        final FloatVector vC4 = FloatVector.broadcast(S, C4);
        final FloatVector vC3 = FloatVector.broadcast(S, C3);
        final FloatVector vC2 = FloatVector.broadcast(S, C2);
        final FloatVector vC1 = FloatVector.broadcast(S, C1);
        final FloatVector vC0 = FloatVector.broadcast(S, 1f);
        double total = 0;
        int i = from;
        while (i <= to - STEP) {{
            int blockEnd = Math.min(to, i + 1024) - STEP;
            FloatVector acc0 = FloatVector.zero(S);
            FloatVector acc1 = acc0;
            for (; i <= blockEnd; i += STEP) {{
{b}
                {accline}
            }}
            total += acc0.add(acc1).reduceLanes(VectorOperators.ADD);
        }}
        return total;
    }}
"""
variants=[('h4',4,'H',''),('h2',2,'H',''),('h1',1,'H',''),('e4',4,'E',''),('e1',1,'E',''),('h1noR',1,'H','noR'),('h1noM',1,'H','noMask'),('h1noC',1,'H','noClamp'),('h1none',1,'H','noR noMask noClamp'),('h4none',4,'H','noR noMask noClamp'),('h1T',1,'H','T'),('h2T',2,'H','T'),('h4T',4,'H','T'),('e1T',1,'E','T'),('e4T',4,'E','T'),('h1T0',1,'H0','T'),('e1T0',1,'E0','T'),('h2T0',2,'H0','T'),('e2T0',2,'E0','T'),('e4T0',4,'E0','T'),('h4T0',4,'H0','T'),('h3T0',3,'H0','T')]
src="""import jdk.incubator.vector.*;
final class Variants {
    static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    static final int L = S.length();
    static final float LOG2E = 0x1.715476p+0f;
    static final float EXP_MAGIC = 0x1.8000FEp23f;
    static final float MINUS_LN2 = -0x1.62E430p-1f;
    static final float C5 = 0x1.0F9F9Cp-7f;
    static final float C4 = 0x1.573A1Ap-5f;
    static final float C3 = 0x1.555A80p-3f;
    static final float C2 = 0x1.FFFDC6p-2f;
    static final float C1 = 0x1.FFFFF6p-1f;
    static final int MIN_POW2_BITS = Float.floatToRawIntBits(EXP_MAGIC - 127f);
    static final int LOWEST_BITS = Float.floatToRawIntBits(-0x1p48f);
    static final VectorSpecies<Integer> IS = S.withLanes(int.class);
    static final float[] TABLE = new float[8 * L];
    static final int[] ITABLE = new int[2 * L];
    static {
        float[] c = {LOG2E, MINUS_LN2, C5, C4, C3, C2, C1, 1f};
        for (int k = 0; k < c.length; k++) java.util.Arrays.fill(TABLE, k * L, (k + 1) * L, c[k]);
        java.util.Arrays.fill(ITABLE, 0, L, LOWEST_BITS);
        java.util.Arrays.fill(ITABLE, L, 2 * L, MIN_POW2_BITS);
    }
""" + "".join(sumexp(n,k,s,opts=o) for n,k,s,o in variants) + """
    static double run(String v, float[] x, float r, float m) {
        switch (v) {
""" + "".join(f'            case "{n}": return {n}(x, 0, x.length, r, m);\n' for n,_,_,_ in variants) + """        }
        throw new IllegalArgumentException(v);
    }
}
"""
open('/tmp/kern/h/Variants.java','w').write(src)
