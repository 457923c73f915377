package todo;

/** Stands in for step 7.1's server in the layer rule's fixture. */
public class TodoServer {}
