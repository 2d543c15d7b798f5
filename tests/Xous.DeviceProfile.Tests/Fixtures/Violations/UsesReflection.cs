namespace Violations;

public static class UsesReflection
{
    public static object Methods() => typeof(UsesReflection).GetMethods();
}
