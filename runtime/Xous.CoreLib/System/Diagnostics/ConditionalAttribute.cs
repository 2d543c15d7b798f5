namespace System.Diagnostics;

/// <summary>Compiler-recognised attribute; same shape as .NET's.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = true)]
public sealed class ConditionalAttribute : Attribute
{
    public ConditionalAttribute(string conditionString)
    {
        ConditionString = conditionString;
    }

    public string ConditionString { get; }
}
