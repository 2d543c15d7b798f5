using System.Collections.Generic;
using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>Object initializers (nested, on properties and fields), collection initializers and required members.</summary>
public static class ClassObjectInitializers
{
    private sealed class Size
    {
        public int Width { get; set; }

        public int Height;
    }

    private sealed class Window
    {
        public required string Title { get; init; }

        public Size Size { get; } = new Size();

        public Size? Minimum { get; set; }

        public List<string> Tags { get; } = new List<string>();

        public Dictionary<int, string> Slots { get; } = new Dictionary<int, string>();
    }

    public static int Main()
    {
        var w = new Window
        {
            Title = "main",
            Size = { Width = 640, Height = 480 },
            Minimum = new Size { Width = 10, Height = 20 },
            Tags = { "a", "b", "c" },
            Slots = { [3] = "three", [1] = "one" },
        };
        Transcript.WriteLine(w.Title);
        Transcript.WriteLine(w.Size.Width * w.Size.Height);
        Transcript.WriteLine(w.Minimum.Width + w.Minimum.Height);
        Transcript.WriteLine(w.Tags.Count);
        foreach (string tag in w.Tags)
        {
            Transcript.Write(tag);
        }

        Transcript.WriteLine();
        foreach (KeyValuePair<int, string> slot in w.Slots)
        {
            Transcript.WriteLine(slot.Key + "=" + slot.Value);
        }

        var list = new List<Size> { new Size { Width = 1 }, new Size { Height = 2 }, new Size() };
        int total = 0;
        foreach (Size s in list)
        {
            total += s.Width * 10 + s.Height;
        }

        Transcript.WriteLine(total);
        var empty = new Window { Title = "" };
        Transcript.WriteLine(empty.Minimum == null);
        Transcript.WriteLine(empty.Tags.Count + empty.Slots.Count);
        return 0;
    }
}
