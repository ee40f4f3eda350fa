# nothing

   
# here
