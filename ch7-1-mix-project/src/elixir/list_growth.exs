# The Elixir twin of todo.ListGrowth: one list grown by the book's Todo.List.add_entry/2.
#
#   elixir list_growth.exs [--entries N]...     (default: 20000, then 100000)
#
# Per size: five untimed builds, then five timed ones (:timer.tc); prints the median as
#   added 20000 entries to one list in 12.34 ms
# The loop is in a module, so that it runs compiled, as the book's code does under Mix (a
# function defined at the top of a script would be interpreted).

Code.require_file("todo_list.exs", __DIR__)

defmodule ListGrowth do
  @warm_up_builds 10
  @timed_builds 10

  def run(args) do
    for n <- sizes(args, []) do
      for _ <- 1..@warm_up_builds, do: grow(n)
      millis = for _ <- 1..@timed_builds, do: millis_to_grow(n)
      median = millis |> Enum.sort() |> Enum.at(div(@timed_builds, 2))
      IO.puts(:io_lib.format("added ~b entries to one list in ~.2f ms", [n, median]))
    end
  end

  defp sizes([], []), do: [20_000, 100_000]
  defp sizes([], sizes), do: Enum.reverse(sizes)
  defp sizes(["--entries", n | rest], sizes), do: sizes(rest, [String.to_integer(n) | sizes])

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
