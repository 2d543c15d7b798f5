using System;
using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>Nested try blocks: inner handlers catch what they can, the rest escapes outward; exceptions thrown from a catch go to the outer handler.</summary>
public static class ExceptionNestedTry
{
    public static int Main()
    {
        for (int mode = 0; mode < 4; mode++)
        {
            Transcript.WriteLine("mode " + mode + ": " + Run(mode));
        }

        return 0;
    }

    private static string Run(int mode)
    {
        string log = "";
        try
        {
            log += "[outer";
            try
            {
                log += " [inner";
                if (mode == 1)
                {
                    throw new ArgumentException("arg");
                }

                if (mode == 2)
                {
                    throw new InvalidOperationException("op");
                }

                if (mode == 3)
                {
                    throw new NotImplementedException("ni");
                }

                log += " ok";
            }
            catch (ArgumentException e)
            {
                log += " inner-catch " + e.Message;
            }
            catch (InvalidOperationException e)
            {
                log += " inner-catch-rethrow-new";
                throw new NotSupportedException("wrapped " + e.Message, e);
            }
            finally
            {
                log += " inner-finally]";
            }

            log += " after-inner";
        }
        catch (NotSupportedException e)
        {
            log += " outer-catch " + e.Message + " inner=" + e.InnerException!.Message;
        }
        catch (Exception e)
        {
            log += " outer-catch-all " + e.Message;
        }
        finally
        {
            log += " outer-finally]";
        }

        return log;
    }
}
