using System.Collections;
using System.Globalization;

namespace Xous.CoreLib.Behaviour.Tests;

/// <summary>
/// What an operation did, as a string that can be compared between our implementation and the BCL's:
/// its result (sequences formatted element by element) or the type of the exception it threw.
/// </summary>
internal static class Outcome
{
    public static string Of(Action action)
    {
        try
        {
            action();
            return "ok";
        }
        catch (Exception e)
        {
            return "throws " + e.GetType().Name;
        }
    }

    public static string Of<T>(Func<T> function)
    {
        try
        {
            return "= " + Format(function());
        }
        catch (Exception e)
        {
            return "throws " + e.GetType().Name;
        }
    }

    public static string Format(object? value) => value switch
    {
        null => "null",
        string s => s,
        IEnumerable sequence => "[" + string.Join(",", sequence.Cast<object?>().Select(Format)) + "]",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "null",
    };
}
