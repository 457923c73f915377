# The Elixir twin of sidebyside.ListGrowth (module side-by-side): one list grown by the book's Todo.List.add_entry/2.
#
#   elixir list_growth.exs [--entries N]... [--warm-up-ms N]
#   (default: 20000, then 100000 entries; 1000 ms)
#
# Per size: ten untimed builds, and at least N ms of them, then ten timed ones (:timer.tc);
# prints the median as
#   added 20000 entries to one list in 12.34 ms
# The loop is in a module, so that it runs compiled, as the book's code does under Mix (a
# function defined at the top of a script would be interpreted).

Code.require_file("todo_list.exs", __DIR__)

defmodule ListGrowth do
  @warm_up_builds 10
  @timed_builds 10

  def run(args) do
    {sizes, warm_up_millis} = options(args, [], 1000)

    for n <- sizes do
      warm_up(n, 0, System.monotonic_time(:millisecond) + warm_up_millis)
      millis = for _ <- 1..@timed_builds, do: millis_to_grow(n)
      median = millis |> Enum.sort() |> Enum.at(div(@timed_builds, 2))
      IO.puts(:io_lib.format("added ~b entries to one list in ~.2f ms", [n, median]))
    end
  end

  defp warm_up(n, builds, until) do
    if builds < @warm_up_builds or System.monotonic_time(:millisecond) < until do
      grow(n)
      warm_up(n, builds + 1, until)
    end
  end

  defp options([], [], millis), do: {[20_000, 100_000], millis}
  defp options([], sizes, millis), do: {Enum.reverse(sizes), millis}

  defp options(["--entries", n | rest], sizes, millis),
    do: options(rest, [String.to_integer(n) | sizes], millis)

  defp options(["--warm-up-ms", n | rest], sizes, _), do: options(rest, sizes, String.to_integer(n))

  defp millis_to_grow(n) do
    {micros, list} = :timer.tc(fn -> grow(n) end)
    ^n = Todo.List.size(list)
    micros / 1000
  end

  defp grow(n) do
    entry = %{date: ~D[2023-12-19], title: "Dentist"}
    Enum.reduce(1..n, Todo.List.new(), fn _, list -> Todo.List.add_entry(list, entry) end)
  end
end

ListGrowth.run(System.argv())
