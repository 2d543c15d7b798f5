using System;
using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>throw and catch by exact type: each exception type reaches its own catch clause; the message and the caught object survive.</summary>
public static class ExceptionCatchByType
{
    public static int Main()
    {
        for (int i = 0; i < 7; i++)
        {
            try
            {
                Throw(i);
                Transcript.WriteLine(i + ": no exception");
            }
            catch (ArgumentNullException e)
            {
                Transcript.WriteLine(i + ": ArgumentNullException " + e.ParamName);
            }
            catch (ArgumentException e)
            {
                Transcript.WriteLine(i + ": ArgumentException " + e.Message);
            }
            catch (InvalidOperationException e)
            {
                Transcript.WriteLine(i + ": InvalidOperationException " + e.Message);
            }
            catch (NotSupportedException e)
            {
                Transcript.WriteLine(i + ": NotSupportedException " + e.Message);
            }
            catch (FormatException e)
            {
                Transcript.WriteLine(i + ": FormatException " + e.Message);
            }
            catch (Exception e)
            {
                Transcript.WriteLine(i + ": Exception " + e.Message);
            }
        }

        return 0;
    }

    private static void Throw(int kind)
    {
        switch (kind)
        {
            case 0:
                throw new ArgumentNullException("name");
            case 1:
                throw new ArgumentException("bad argument");
            case 2:
                throw new InvalidOperationException("wrong state");
            case 3:
                throw new NotSupportedException("unsupported");
            case 4:
                throw new FormatException("bad format");
            case 5:
                throw new Exception("plain");
        }
    }
}
