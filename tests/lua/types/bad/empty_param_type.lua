-- error: 2:15: unexpected symbol near ')'
function f(a: ): number end
