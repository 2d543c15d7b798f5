using System.Linq;

namespace Violations;

public static class UsesLinq
{
    public static int Total(int[] values) => values.Sum();
}
