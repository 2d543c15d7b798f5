using System;
using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>Custom exception hierarchies with extra state, overridden Message, default messages, and ToString of exceptions never thrown.</summary>
public static class ExceptionCustomTypes
{
    private class ValidationException : Exception
    {
        public ValidationException(string field, int code)
            : base("validation failed for " + field)
        {
            Field = field;
            Code = code;
        }

        public string Field { get; }

        public int Code { get; }
    }

    private sealed class RangeValidationException : ValidationException
    {
        public RangeValidationException(string field, int value, int max)
            : base(field, 416)
        {
            Value = value;
            Max = max;
        }

        public int Value { get; }

        public int Max { get; }

        public override string Message => base.Message + " (" + Value + " > " + Max + ")";
    }

    private sealed class SilentException : Exception
    {
    }

    public static int Main()
    {
        try
        {
            Validate("age", 200);
        }
        catch (ValidationException e)
        {
            Transcript.WriteLine(e.Message);
            Transcript.WriteLine(e.Field + " " + e.Code);
            Transcript.WriteLine(e is RangeValidationException r ? "range " + r.Value + "/" + r.Max : "plain");
        }

        try
        {
            Validate("", 1);
        }
        catch (ValidationException e)
        {
            Transcript.WriteLine(e.Message + " " + e.Code);
        }

        try
        {
            throw new SilentException();
        }
        catch (SilentException e)
        {
            Transcript.WriteLine(e.Message);
        }

        Transcript.WriteLine(new SilentException().ToString());
        Transcript.WriteLine(new ValidationException("name", 1).ToString());
        Transcript.WriteLine(new RangeValidationException("n", 5, 4).ToString());
        Transcript.WriteLine(new Exception().Message);
        Transcript.WriteLine(new Exception("").ToString());
        Transcript.WriteLine(new InvalidOperationException().Message);
        Transcript.WriteLine(new ArgumentException().Message);
        Transcript.WriteLine(new NotImplementedException().Message);
        Transcript.WriteLine(new FormatException().Message);
        Transcript.WriteLine(new ArgumentOutOfRangeException("index", 42, "Too far.").Message);
        Transcript.WriteLine(new ArgumentNullException("value", "Must not be null.").Message);
        return 0;
    }

    private static void Validate(string field, int value)
    {
        if (field.Length == 0)
        {
            throw new ValidationException("<empty>", 400);
        }

        if (value > 150)
        {
            throw new RangeValidationException(field, value, 150);
        }
    }
}
